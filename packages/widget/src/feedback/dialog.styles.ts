import { css } from 'lit';

/**
 * The look of `<tandem-feedback>`'s dialog. The dialog only opens once its form has arrived, so
 * these rules come with the form's module instead of the script tag's first download, and
 * TandemFeedback adopts them when it loads the form.
 */
export const dialogStyles = css`
  dialog {
    width: min(26rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    margin: auto;
    padding: 1.25rem;
    border: 1px solid color-mix(in srgb, var(--_muted) 40%, transparent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 12px 40px rgb(0 0 0 / 0.3);
  }

  /* On a wide screen the dialog opens above the launcher, where the customer is looking. */
  @media (min-width: 40rem) {
    dialog {
      margin: auto 20px 84px auto;
    }

    :host([corner$='left']) dialog {
      margin: auto auto 84px 20px;
    }

    :host([corner='top-right']) dialog {
      margin: 84px 20px auto auto;
    }

    :host([corner='top-left']) dialog {
      margin: 84px auto auto 20px;
    }

    /* Opened from the site's own button: no corner to sit by. */
    :host([launcher='none']) dialog {
      margin: auto;
    }
  }

  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }

  dialog[open] {
    animation: tandem-in 160ms ease-out;
  }

  @keyframes tandem-in {
    from {
      opacity: 0;
      transform: translateY(12px);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    dialog[open] {
      animation: none;
    }
  }

  .head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 1rem;
    margin-bottom: 0.75rem;
  }

  h2 {
    margin: 0;
    font-size: 1.25rem;
    line-height: 1.3;
  }

  .close {
    display: grid;
    place-items: center;
    width: 44px;
    height: 44px;
    margin-block: -0.5rem;
    margin-inline-end: -0.5rem;
    padding: 0;
    border: none;
    border-radius: var(--_radius);
    background: none;
    font-size: 1.75rem;
    line-height: 1;
  }

  .close:hover {
    background: color-mix(in srgb, var(--_muted) 15%, transparent);
  }
`;
