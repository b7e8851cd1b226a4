/**
 * What a line of the form server's log may hold: every key (a nested key with a dot, as in
 * `req.method`) and what it means, in the words of the Datenschutzerklärung, which lists them
 * (<Protokollangaben />). The server writes no other key, and each of these in some line:
 * tests/server/log-fields.test.ts runs real requests through the server and compares. A new log
 * field is added here, with its meaning, in the same change.
 */
export const logFields = {
  time: 'Zeitpunkt der Meldung',
  level: 'Stufe der Meldung (Information, Warnung oder Fehler)',
  msg: 'Text der Meldung, zum Beispiel „Einsendung gespeichert“',
  pid: 'Prozessnummer des Formular-Servers',
  hostname: 'Name des Rechners, auf dem der Formular-Server läuft',
  reqId: 'laufende Nummer der Anfrage seit dem Start des Servers',
  'req.method': 'Art der Anfrage (zum Beispiel Seite abrufen oder Formular senden)',
  'req.path': 'aufgerufene Adresse ohne Parameter',
  'res.statusCode': 'Status der Antwort (zum Beispiel 200 für Erfolg oder 404 für nicht gefunden)',
  responseTime: 'Antwortzeit in Millisekunden',
  form: 'Name des Formulars, an das eine Einsendung ging',
  reference: 'Eingangsnummer einer Einsendung (über sie lässt sich die Einsendung in der Datenbank finden)',
  fields: 'bei einer abgelehnten Einsendung die Namen der fehlenden oder falschen Felder und die Art des Fehlers, nicht ihr Inhalt',
  attempt: 'Nummer des Versuchs, eine Benachrichtigung per E-Mail zu senden',
  retryInMs: 'Wartezeit bis zum nächsten Versuch in Millisekunden',
  reason: 'Fehlercode, wenn das Speichern oder Senden nicht gelang (zum Beispiel ECONNREFUSED: Verbindung abgelehnt)',
  pending: 'Zahl der Benachrichtigungen, die noch auf den Versand warten',
  expired: 'Zahl der Einsendungen, die nach Ablauf der Speicherdauer gelöscht wurden',
  spam: 'Zahl der als Spam erkannten Einsendungen, die nach Ablauf ihrer Speicherdauer gelöscht wurden',
  signal: 'Signal, mit dem der Server beendet wird',
  failedLogins: 'Zahl der fehlgeschlagenen Anmeldungen an der Verwaltung im laufenden Zeitfenster (ohne Namen und Adressen)',
  delayMs: 'Wartezeit in Millisekunden, mit der Anmeldungen an der Verwaltung gerade verlangsamt werden',
  sessionsEnded: 'Zahl der abgelaufenen Anmeldungen an der Verwaltung, die gelöscht wurden',
  vorgang: 'Nummer eines Vorgangs in der Verwaltung (die Eingangsnummer seiner ersten Einsendung), wenn ihn jemand weiterführt oder einen Statuslink dafür erstellt oder widerruft',
  step: 'Kennung des Schritts, zu dem ein Vorgang weitergeführt wurde (zum Beispiel „einzelabruf“)',
  rows: 'Zahl der Einsendungen in einem Export',
  ms: 'Dauer eines Exports in Millisekunden',
  name: 'Art eines Programmfehlers',
  code: 'Code eines Programmfehlers',
  message: 'Text eines Programmfehlers beim Starten oder Beenden des Servers',
} as const;

export type LogField = keyof typeof logFields;
