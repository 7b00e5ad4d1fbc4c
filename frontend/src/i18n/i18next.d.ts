import 'i18next';

import type en from './en.json';

// Makes every t() key checked by the compiler against the English resources.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
