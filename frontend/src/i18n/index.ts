import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

import en from './en.json';

// English is bundled so the first screen never waits for a translation file; more languages add resources here.
void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: en } },
  // Bundled resources need no loading, so initialise synchronously and render translated text on the first paint.
  initAsync: false,
  // React already escapes rendered text; escaping here too would show entities such as &amp;.
  interpolation: { escapeValue: false },
});

export default i18n;
