/** Every word of `<tandem-testimonials>`, in one place so it can be translated. */
export const strings = {
  // Says plainly that these quotes were picked, not every review the site received.
  label: 'Selected testimonials',
  rated: (n: number) => `Rated ${n} out of 5`,
  anonymous: 'Anonymous customer',
  previous: 'Previous testimonial',
  next: 'Next testimonial',
  stop: 'Stop automatic slide show',
  start: 'Start automatic slide show',
  slide: (n: number, total: number) => `${n} of ${total}`,
};

export type TestimonialsStrings = typeof strings;
