/**
 * A site's own "Give feedback" button: any element with `data-tandem-open` opens the widget. The
 * value may name a site key when a page has more than one widget; empty means the first one.
 * One click listener on the document, added once, however many widgets the page has.
 */
let listening = false;

export function listenForOpeners(): void {
  if (listening) return;
  listening = true;
  document.addEventListener('click', (event) => {
    const found = openerOf(event);
    if (!found) return;
    // A link used as the button ("#feedback") must not jump the page.
    event.preventDefault();
    void found.widget.open(found.opener);
  });
  // Heading for the button (pointer or keyboard) fetches the form, so it opens at once.
  const prefetch = (event: Event) => void openerOf(event)?.widget.prefetch();
  document.addEventListener('pointerover', prefetch, { passive: true });
  document.addEventListener('focusin', prefetch);
}

function openerOf(event: Event) {
  const opener = event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && node.hasAttribute('data-tandem-open'));
  if (!opener) return undefined;
  const key = opener.dataset.tandemOpen;
  const widgets = [...document.querySelectorAll('tandem-feedback')];
  const widget = widgets.find((w) => key && w.getAttribute('site-key') === key) ?? widgets[0];
  return widget && { opener, widget };
}
