import { about } from './about';
import type { Page } from './layout';
import { privacy } from './privacy';
import { terms } from './terms';

export const PAGES: Readonly<Record<string, Page>> = { about, privacy, terms };
