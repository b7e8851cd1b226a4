/** Every German word of the admin area (server/admin*.ts, server/pages/Admin.tsx, SignIn.tsx), of `npm run admin` and of its exports (server/csv.ts, server/xlsx.ts). */
export const adminStrings = {
  /** After the portal name in the admin frame's header. */
  area: 'Verwaltung',
  title: 'Vorgänge und Einsendungen',
  /** The Vorgänge: one authority's way with one offer (server/pages/Vorgaenge.tsx). */
  vorgaenge: {
    heading: 'Vorgänge ({n})',
    empty: 'Noch keine Vorgänge.',
    number: 'Vorgang',
    offer: 'Angebot',
    behoerde: 'Behörde',
    ags: 'Gemeinde- oder Kreisschlüssel',
    submissions: 'Einsendungen',
    openedAt: 'Erste Einsendung',
    lastReceivedAt: 'Letzte Einsendung',
    /** The page of one Vorgang. */
    title: 'Vorgang {number}',
    submissionsHeading: 'Einsendungen dieser Behörde ({n}), neueste zuerst',
    noSubmissions: 'Keine Einsendungen mehr gespeichert.',
    back: 'Zur Übersicht',
    notFound: { title: 'Vorgang nicht gefunden', text: 'Diesen Vorgang gibt es nicht. Prüfen Sie die Adresse.' },
  },
  allSent: 'Alle Benachrichtigungen sind versendet.',
  pending: '{n} Benachrichtigung(en) warten im Ausgang auf den Versand.',
  pendingSince: '{n} Benachrichtigung(en) warten im Ausgang auf den Versand, die älteste seit {date}.',
  reference: 'Eingangsnummer',
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
  /** A Vorgang's rollout steps (src/lib/rollout.ts, server/pages/VorgangSteps.tsx). */
  rollout: {
    status: 'Stand',
    notOffered: '{titel} (nicht mehr angeboten)',
    noSteps: 'Für dieses Angebot sind keine Rollout-Schritte gepflegt (Feld „rollout“ des Angebots).',
    ended: 'abgeschlossen',
    open: 'offen',
    moveHeading: 'Vorgang weiterführen',
    chooseStep: 'Nächster Schritt',
    chooseStepHint: 'Vorgeschlagen ist der Schritt nach dem jetzigen. Für einen anderen wählen Sie ihn aus und zeigen seine Angaben an.',
    showFields: 'Angaben dieses Schritts anzeigen',
    dateHint: 'Der Tag, an dem es geschah, als TT.MM.JJJJ. Nicht in der Zukunft.',
    note: 'Notiz',
    noteHint: 'Freiwillig, z. B. wer angerufen hat. Höchstens 2000 Zeichen.',
    submit: '„{titel}“ eintragen',
    history: 'Verlauf',
    historyEmpty: 'Noch keine Änderung: Der Vorgang steht beim ersten Schritt.',
    when: 'Wann',
    who: 'Wer',
    from: 'Von',
    to: 'Nach',
    details: 'Angaben',
    saved: '„{titel}“ ist eingetragen.',
    errors: {
      summary: 'Es gibt ein Problem',
      missing: 'Geben Sie „{titel}“ an.',
      choose: 'Wählen Sie bei „{titel}“ eine der Möglichkeiten.',
      date: 'Bei „{titel}“ steht kein gültiges Datum. Schreiben Sie es als TT.MM.JJJJ, z. B. 01.03.2026.',
      future: 'Das Datum bei „{titel}“ liegt in der Zukunft. Tragen Sie den Tag ein, an dem es geschah.',
      tooLong: '„{titel}“ darf höchstens {max} Zeichen lang sein.',
      unknownStep: 'Diesen Schritt hat das Angebot nicht (mehr). Wählen Sie einen Schritt aus der Liste.',
      sameStep: 'Der Vorgang steht schon bei diesem Schritt. Wählen Sie einen anderen.',
      conflict: 'Jemand anderes hat den Vorgang inzwischen geändert (jetzt: „{titel}“). Ihre Angaben stehen unten noch im Formular; prüfen Sie sie und senden Sie erneut.',
    },
  },
  rateLimited: { title: 'Zu viele Anfragen', text: 'Die Verwaltung wurde in kurzer Zeit sehr oft aufgerufen. Warten Sie eine Minute.' },
  storageUnavailable: 'Der Speicher ist gerade nicht verfügbar.',
  /** A second export while one runs (one at a time per server). */
  exportBusy: {
    title: 'Es läuft schon ein Export',
    text: 'Es wird gerade ein anderer Export erstellt. Versuchen Sie es in einer halben Minute erneut.',
  },
  /** The sign-in page (server/pages/SignIn.tsx). */
  signIn: {
    title: 'Anmelden',
    intro: 'Melden Sie sich mit Ihrem Konto für die Verwaltung an.',
    name: 'Benutzername',
    password: 'Passwort',
    submit: 'Anmelden',
    errorSummary: 'Es gibt ein Problem',
    wrong: 'Benutzername oder Passwort sind falsch.',
    missingName: 'Geben Sie Ihren Benutzernamen ein.',
    missingPassword: 'Geben Sie Ihr Passwort ein.',
    /** Before the title of a page with errors. */
    errorPrefix: 'Fehler: ',
    /** Visually hidden before each error message. */
    errorLabel: 'Fehler:',
  },
  /** The header of the admin frame. */
  account: { signedInAs: 'Angemeldet als', signOut: 'Abmelden', label: 'Konto' },
  signedOut: { title: 'Abgemeldet', text: 'Sie sind abgemeldet.', again: 'Erneut anmelden' },
  /** A form that changes something, sent without the session's CSRF token (or with a wrong one). */
  csrf: {
    title: 'Anfrage abgelehnt',
    text: 'Die Anfrage kam ohne gültiges Sicherheitsmerkmal. Laden Sie die Seite neu und versuchen Sie es noch einmal.',
  },
  /** `npm run admin` (server/admin-cli.ts). */
  cli: {
    usage: 'Aufruf: npm run admin -- add <Name> | remove <Name> | reset <Name> (Passwort über die Standardeingabe, sonst wird eines erzeugt)',
    badName: 'Der Name „{name}“ geht nicht: Buchstaben, Ziffern, Punkt, Bindestrich und Unterstrich, am Anfang ein Buchstabe oder eine Ziffer, höchstens 64 Zeichen.',
    shortPassword: 'Das Passwort ist zu kurz: mindestens {min} Zeichen.',
    exists: 'Das Konto „{name}“ gibt es schon. Ein neues Passwort setzt npm run admin -- reset {name}.',
    missing: 'Das Konto „{name}“ gibt es nicht.',
    added: 'Konto „{name}“ angelegt.',
    removed: 'Konto „{name}“ gelöscht; seine Anmeldungen sind beendet.',
    reset: 'Neues Passwort für „{name}“ gesetzt; seine Anmeldungen sind beendet.',
    generated: 'Passwort für „{name}“ (wird nur dieses eine Mal angezeigt): {password}',
    fallbackEnds: 'Ab jetzt gilt ADMIN_PASSWORD nicht mehr: es gibt ein benanntes Konto. Entfernen Sie ADMIN_PASSWORD aus der Konfiguration (docs/betrieb.md, „Von ADMIN_PASSWORD zu benannten Konten“).',
    failed: 'npm run admin fehlgeschlagen ({reason}).',
  },
  throttled: {
    title: 'Zu viele fehlgeschlagene Anmeldungen',
    text: 'Die Anmeldung ist von Ihrer Adresse aus vorübergehend gesperrt. Versuchen Sie es in {minutes} Minuten erneut.',
  },
} as const;
