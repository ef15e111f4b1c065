/** Qingpu District's real structure: 3 subdistricts (街道) and 8 towns (镇) (DOMAIN.md). */
import type { District, Town } from '../model/unit';

/** Qingpu District (青浦区), Shanghai. */
export const QINGPU_DISTRICT: District = { id: 'qingpu', name: '青浦区', nameEn: 'Qingpu District', region: 'shanghai' };

/** Qingpu's 3 subdistricts (街道) and 8 towns (镇), with ids and English names. */
export const QINGPU_TOWNS: readonly Town[] = [
  { id: 'xiayang', name: '夏阳街道', nameEn: 'Xiayang Subdistrict', type: 'subdistrict' },
  { id: 'yingpu', name: '盈浦街道', nameEn: 'Yingpu Subdistrict', type: 'subdistrict' },
  { id: 'xianghuaqiao', name: '香花桥街道', nameEn: 'Xianghuaqiao Subdistrict', type: 'subdistrict' },
  { id: 'zhujiajiao', name: '朱家角镇', nameEn: 'Zhujiajiao Town', type: 'town' },
  { id: 'liantang', name: '练塘镇', nameEn: 'Liantang Town', type: 'town' },
  { id: 'jinze', name: '金泽镇', nameEn: 'Jinze Town', type: 'town' },
  { id: 'zhaoxiang', name: '赵巷镇', nameEn: 'Zhaoxiang Town', type: 'town' },
  { id: 'xujing', name: '徐泾镇', nameEn: 'Xujing Town', type: 'town' },
  { id: 'huaxin', name: '华新镇', nameEn: 'Huaxin Town', type: 'town' },
  { id: 'chonggu', name: '重固镇', nameEn: 'Chonggu Town', type: 'town' },
  { id: 'baihe', name: '白鹤镇', nameEn: 'Baihe Town', type: 'town' },
];
