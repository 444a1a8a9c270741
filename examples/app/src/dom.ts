/** The page's element with this id; throws if the page lacks it (a broken build, not a customer's doing). */
export function byId<E extends HTMLElement = HTMLElement>(id: string): E {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as E;
}
