/**
 * Every German word the form server shows: the answers to a submission that failed as a whole
 * (JSON and pages), its message pages, the notification e-mail, and what it says to the operator when
 * it refuses to start.
 * The form's own texts are in shared/strings/form.ts, the admin area's in shared/strings/admin.ts.
 */
export const serverStrings = {
  /** Errors that concern the whole submission (Formspree "form errors"), for JSON clients and pages. */
  problems: {
    notFound: 'Dieses Formular gibt es nicht. Prüfen Sie die Adresse.',
    method: 'Formulare werden mit POST gesendet.',
    tooLarge: 'Ihre Angaben sind zu lang (höchstens 32 KB). Kürzen Sie die Texte und senden Sie das Formular erneut.',
    mediaType: 'Senden Sie das Formular als JSON, als application/x-www-form-urlencoded oder als multipart/form-data.',
    files: 'Dieses Formular nimmt keine Dateien an. Senden Sie es ohne Anhang.',
    malformed: 'Die Formulardaten sind nicht lesbar. Senden Sie ein JSON-Objekt mit den Feldern des Formulars.',
    origin: 'Dieses Formular kann nur von der Website des Kommunalvertreters NRW gesendet werden.',
    rateLimit: 'Sie haben in kurzer Zeit sehr viele Formulare gesendet. Warten Sie eine Minute und senden Sie dann erneut.',
    server: 'Das Formular konnte wegen eines technischen Fehlers nicht gespeichert werden. Versuchen Sie es später erneut.',
    storage: 'Das Formular kann gerade nicht gespeichert werden. Versuchen Sie es in einigen Minuten erneut oder schreiben Sie uns eine E-Mail.',
  },
  /** The page for a submission that cannot be shown again as its form (unknown form, unreadable body …). */
  notSent: {
    title: 'Das Formular wurde nicht gesendet',
    inputKept: 'Ihre Eingaben sind nicht verloren: Gehen Sie mit der Zurück-Funktion Ihres Browsers zum Formular zurück. Sie können uns auch eine E-Mail an',
    inputKeptEnd: 'schreiben.',
  },
  /** A form the content no longer has (its offer was removed): server/store/stored-forms.ts. */
  storedForm: { title: 'Formular „{name}“ (nicht mehr auf dem Portal)' },
  home: 'Zur Startseite',
  /** The notification e-mail to the organisation (server/mail/mail.ts); its table uses the admin area's labels. */
  mail: {
    intro: 'Neue Einsendung über das Formular „{form}“ im Portal {portal}.',
    replyTo: 'Mit „Antworten“ schreiben Sie direkt an die Person, die das Formular ausgefüllt hat.',
    noReplyTo: 'Die Person hat keine E-Mail-Adresse angegeben.',
  },
  /**
   * The authority's private status page (GET /status/<token>, server/http/status-page.ts); the way the
   * Einzelabruf is sent and the contacts use the offer page's words (de.offer).
   */
  status: {
    title: 'Stand Ihrer Nachnutzung',
    intro: 'Diese Seite zeigt, wie weit die Nachnutzung für Ihre Behörde ist. Sie ist nur über diesen Link erreichbar.',
    behoerde: 'Behörde',
    offer: 'Angebot',
    current: 'Aktueller Schritt',
    wayHeading: 'Die Schritte der Nachnutzung',
    /** After a step the Vorgang has passed, and after the one it stands at (the list also marks it for screen readers). */
    wayPassed: 'erledigt',
    wayCurrent: 'hier stehen Sie',
    nextHeading: 'Was als Nächstes geschieht',
    next: 'Der nächste Schritt: {titel}.',
    sendEinzelabruf: 'Der nächste Schritt: Ihr unterzeichneter Einzelabruf. So senden Sie ihn:',
    ended: 'Der Vorgang ist abgeschlossen; es folgt kein weiterer Schritt.',
    validUntil: 'Dieser Link gilt bis zum {date}.',
    /** Unknown (or deleted) token: says nothing about whether it ever existed. */
    unknown: {
      title: 'Diese Statusseite gibt es nicht',
      text: 'Unter dieser Adresse ist keine Statusseite erreichbar. Prüfen Sie, ob Sie den Link vollständig übernommen haben, oder bitten Sie Ihre Ansprechperson um einen neuen Link.',
    },
    revoked: {
      title: 'Dieser Link wurde widerrufen',
      text: 'Der Link zu dieser Statusseite wurde widerrufen und gilt nicht mehr. Bitten Sie Ihre Ansprechperson um einen neuen Link.',
    },
    rateLimited: {
      title: 'Zu viele Anfragen',
      text: 'Statusseiten wurden von Ihrer Adresse aus in kurzer Zeit sehr oft aufgerufen. Warten Sie eine Minute und laden Sie die Seite dann neu.',
    },
    expired: {
      title: 'Dieser Link ist abgelaufen',
      text: 'Der Link zu dieser Statusseite galt bis zum {date} und ist abgelaufen. Bitten Sie Ihre Ansprechperson um einen neuen Link.',
    },
  },
  /** How stored values are written for people (admin list, e-mail, export): server/export/format.ts. */
  values: { time: '{time} Uhr' },
  /** Plain-text answers where no page fits. */
  notFound: 'Nicht gefunden',
  /** A request whose address cannot be read (e. g. GET /%). */
  badRequest: 'Ungültige Anfrage',
  internalError: 'Interner Fehler',
  /** GET /metrics without the scrapers' token (METRICS_TOKEN). */
  metricsUnauthorized: 'Für /metrics ist das Token der Überwachung nötig (Authorization: Bearer …).',
  startup: {
    /** The server's setting differs from the one the site was built with. */
    deploymentMismatch:
      'Der Server startet nicht: {name} ist hier {server}, beim Bau der Website in {dist} war es {build}. Die Texte der Website (z. B. die Datenschutzerklärung) beschreiben die Einstellung des Builds: setzen Sie {name} wie beim Bau, oder bauen Sie die Website mit dieser Einstellung neu (npm run build).',
    unset: 'nicht gesetzt',
    set: 'gesetzt',
    /** The build the server runs on is missing (DIST_DIR names it). */
    notBuilt: 'Der Server startet nicht: {file} fehlt. Bauen Sie die Website (npm run build) oder setzen Sie DIST_DIR auf den Ordner eines Builds.',
  },
} as const;
