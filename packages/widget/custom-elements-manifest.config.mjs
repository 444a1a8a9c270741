// `npm run manifest`: custom-elements.json, the machine-readable list of every public element's
// attributes, properties, methods, events, CSS custom properties and parts (editors and docs
// read it; the README's reference is generated from it by scripts/docs.mjs).
export default {
  globs: ['src/**/*.component.ts'],
  // <tandem-feedback-form> is an inner part of <tandem-feedback>, not for pages to use.
  exclude: ['src/feedback-form/**'],
  outdir: '.',
  litelement: true,
};
