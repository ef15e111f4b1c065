import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { markdownText, neutraliseControls } from '@liujin/core/text';

describe('neutraliseControls', () => {
  it('shows C0, C1 and bidi controls as visible escapes, keeping tab and line breaks', () => {
    expect(neutraliseControls('a\u001b[31mb\u0007c\u009bd\u202ee\u2066f\tg\nh')).toBe('a\\u001B[31mb\\u0007c\\u009Bd\\u202Ee\\u2066f\tg\nh');
    expect(neutraliseControls('a\nb', { breaks: false })).toBe('a\\u000Ab');
  });
});

describe('markdownText', () => {
  // An independent renderer (markdown-it, CommonMark with GFM-style linkify and raw HTML on).
  const md = new MarkdownIt({ html: true, linkify: true });
  const hostile = [
    '[点我](https://evil.example/)',
    '![](https://evil.example/pixel.png)',
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    'https://evil.example/phish',
    'www.evil.example',
    'mail@evil.example',
    '**粗体** _斜体_ `code` ~~删除~~',
    '| a | b |',
    '# 标题',
    '[ref]: https://evil.example/',
    '&lt;b&gt;',
    '\\',
  ];
  it('renders user text as exactly that text: no link, image, HTML or emphasis', () => {
    for (const text of hostile) {
      const html = md.renderInline(markdownText(text));
      expect(html, text).not.toMatch(/<(a|img|script|strong|em|code|s|del)\b/i);
      const decoded = html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
      expect(decoded, text).toBe(text);
    }
  });

  it('keeps a table row one row: pipes and line breaks inside a cell are neutral', () => {
    const html = md.render(`| a | b |\n|---|---|\n| ${markdownText('x | y\nz')} | 1 |\n`);
    expect(html.match(/<td>/g)).toHaveLength(2);
  });
});
