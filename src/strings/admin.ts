/** Every German word of the admin area (server/admin.ts, server/pages/Admin.tsx) and of its exports (server/csv.ts, server/xlsx.ts). */
export const adminStrings = {
  realm: 'Verwaltung',
  title: 'Einsendungen',
  allSent: 'Alle Benachrichtigungen sind versendet.',
  pending: '{n} Benachrichtigung(en) warten im Ausgang auf den Versand.',
  pendingSince: '{n} Benachrichtigung(en) warten im Ausgang auf den Versand, die älteste seit {date}.',
  reference: 'Vorgangsnummer',
  receivedAt: 'Eingegangen',
  /** Column of the offer in the CSV export. */
  offer: 'Angebot',
  /** Second line of the XLSX export. */
  exported: 'Exportiert am {time}; {n} Einsendung(en)',
  xlsx: 'Als Excel-Tabelle (XLSX) herunterladen',
  csv: 'Als CSV herunterladen',
  spam: '{n} Einsendung(en) als Spam erkannt (nicht aufgeführt)',
  empty: 'Noch keine Einsendungen.',
  emptyPage: 'Auf dieser Seite keine Einsendungen.',
  paging: { label: 'Seiten', page: 'Seite {n}', newer: 'Neuere Einsendungen', older: 'Ältere Einsendungen' },
  rateLimited: { title: 'Zu viele Anfragen', text: 'Die Verwaltung wurde in kurzer Zeit sehr oft aufgerufen. Warten Sie eine Minute.' },
  storageUnavailable: 'Der Speicher ist gerade nicht verfügbar.',
  /** A second export while one runs (one at a time per server). */
  exportBusy: {
    title: 'Es läuft schon ein Export',
    text: 'Es wird gerade ein anderer Export erstellt. Versuchen Sie es in einer halben Minute erneut.',
  },
  login: {
    title: 'Anmeldung erforderlich',
    text: 'Melden Sie sich mit dem Zugang für die Verwaltung an.',
  },
  throttled: {
    title: 'Zu viele fehlgeschlagene Anmeldungen',
    text: 'Die Anmeldung ist von Ihrer Adresse aus vorübergehend gesperrt. Versuchen Sie es in {minutes} Minuten erneut.',
  },
} as const;
