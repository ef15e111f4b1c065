// Build step: copies the three faces the plans use (and the OFL text) into dist/, so the published
// package ships about 40 MB of fonts instead of every weight of two families (206 MB). The
// @expo-google-fonts packages are development dependencies only.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const out = new URL('../dist/', import.meta.url);
mkdirSync(out, { recursive: true });
const faces = {
  'NotoSerifSC-Regular.ttf': '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  'NotoSerifSC-Bold.ttf': '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  'NotoSansSC-Bold.ttf': '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
  'OFL.txt': '@expo-google-fonts/noto-serif-sc/LICENSE_FONT',
};
for (const [name, from] of Object.entries(faces)) copyFileSync(require.resolve(from), new URL(name, out));
