import { css } from 'lit';
import { base } from '../base.styles.js';

export const styles = [
  base,
  css`
    :host {
      display: block;
      padding: 1rem;
    }
  `,
];
