import type { LocalePack } from './locales.js';
import { strings as frame } from '../feedback/strings.js';
import { strings as form } from '../feedback-form/strings.js';

// The English words live beside the components that show them; this pack gathers them, so
// English is loaded the way every language is and no visitor downloads two.
const { launcher: _, notLoaded: __, ...dialog } = frame;

export const strings: LocalePack = { ...dialog, ...form };
