/** Every German word of the admin area (server/admin.ts, server/pages/Admin.tsx). */
export const adminStrings = {
  realm: 'Verwaltung',
  title: 'Einsendungen',
  allSent: 'Alle Benachrichtigungen sind versendet.',
  pending: '{n} Benachrichtigung(en) warten im Ausgang auf den Versand.',
  reference: 'Vorgangsnummer',
  receivedAt: 'Eingegangen',
  xlsx: 'Als Excel-Tabelle (XLSX) herunterladen',
  csv: 'Als CSV herunterladen',
  spam: '{n} Einsendung(en) als Spam erkannt (nicht aufgeführt)',
  empty: 'Noch keine Einsendungen.',
  login: {
    title: 'Anmeldung erforderlich',
    text: 'Melden Sie sich mit dem Zugang für die Verwaltung an.',
  },
  throttled: {
    title: 'Zu viele fehlgeschlagene Anmeldungen',
    text: 'Die Anmeldung ist von Ihrer Adresse aus vorübergehend gesperrt. Versuchen Sie es in {minutes} Minuten erneut.',
  },
} as const;
