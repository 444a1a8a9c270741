import { describe, expect, it } from 'vitest';
import { minifyCss } from '../../../scripts/minify-css.mjs';

describe('the css`` minifier of the build', () => {
  it('drops comments and the spaces CSS does not need', () => {
    expect(minifyCss(`:host([theme='dark']) .a > .b {\n  color: #ffffff; /* don't */\n  margin: 0.25rem 10.5px;\n}`))
      .toBe(':host([theme=dark]) .a>.b{color:#fff;margin:.25rem 10.5px}');
    expect(minifyCss('@media (hover: hover) { .c { width: calc(var(--r) / 2); } }')).toBe('@media (hover:hover){.c{width:calc(var(--r)/2)}}');
  });

  it.each([
    [`[data-step='0.5'] { opacity: 0.5; }`, `[data-step='0.5']{opacity:.5}`],
    ['a { background: url(img/icon-0.5x.png) no-repeat; }', 'a{background:url(img/icon-0.5x.png) no-repeat}'],
    [`.x::after { content: ' / '; }`, `.x::after{content:' / '}`],
    [`.y::after { content: "v0.5 ~ beta"; }`, `.y::after{content:"v0.5 ~ beta"}`],
    [`p { font-family: 'Lato 0.5', sans-serif; }`, `p{font-family:'Lato 0.5',sans-serif}`],
    [`.z::before { content: '(note: see below)'; }`, `.z::before{content:'(note: see below)'}`],
  ])('leaves strings and url()s as written: %s', (css, minified) => {
    expect(minifyCss(css)).toBe(minified);
  });

  it('keeps a template expression as it is', () => {
    expect(minifyCss('${dark} .d { color: red; }')).toBe('${dark} .d{color:red}');
  });
});
