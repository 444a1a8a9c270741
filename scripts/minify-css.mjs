// Lit's css`` templates pass through terser untouched: drop their comments and the spaces CSS
// does not need, so the stylesheets cost the script tag a fraction of their source size. Used by
// rollup.config.mjs; tested in packages/widget/test/minify-css.test.ts.

/** The CSS between strings and url()s: spaces, last semicolons, leading zeros, long colours. */
const tidy = (css) =>
  css
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>~/])\s*/g, '$1')
    .replace(/([{;]|^)\s*([\w-]+):\s*/g, '$1$2:')
    // The last declaration of a rule needs no semicolon; (hover: hover) no space.
    .replace(/;}/g, '}')
    .replace(/\(([\w-]+): /g, '($1:')
    // 0.5rem -> .5rem, #ffffff -> #fff.
    .replace(/([^\w.])0\.(\d)/g, '$1.$2')
    .replace(/#([\da-f])\1([\da-f])\2([\da-f])\3\b/gi, '#$1$2$3');

// Strings, url()s and ${…} expressions keep every character: only the CSS between them is tidied.
const KEPT = /('[^']*'|"[^"]*"|url\([^)]*\)|\$\{[^}]*\})/;

/** A css`` template's text, minified. */
export const minifyCss = (css) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(KEPT)
    .map((part, i) => (i % 2 ? part : tidy(part)))
    .join('')
    // [theme='dark'] -> [theme=dark]: a plain word in an attribute selector needs no quotes.
    .replace(/([\^$*~|]?=)'([a-z][\w-]*)'\]/gi, '$1$2]')
    .trim();
