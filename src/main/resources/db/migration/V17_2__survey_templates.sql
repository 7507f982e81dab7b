-- survey templates: the words of each survey message per language, edited by process owners on the
-- Survey templates screen. Placeholders such as {{customer.firstName}} come from a fixed list in code;
-- nothing in a template is ever evaluated. A touchpoint may have words of its own; the customer's language
-- comes first: (language, touchpoint), (language), (en, touchpoint), (en).
create table survey_template (
    -- <language>/<message>[/<touchpoint>], e.g. de/invitation or de/invitation/installation
    id            varchar(120)  not null primary key,
    language      varchar(10)   not null,
    -- invitation, resurvey (after a case closed) or reminder
    message       varchar(16)   not null,
    -- '' for every touchpoint
    touchpoint    varchar(80)   default '' not null,
    email_subject varchar(200)  not null,
    email_body    varchar(4000) not null,
    sms_text      varchar(300)  not null,
    updated_by    varchar(64),
    updated_at    ${instant},
    version       int           not null,
    constraint uq_survey_template unique (language, message, touchpoint)
);

insert into survey_template (id, language, message, email_subject, email_body, sms_text, version) values
('en/invitation', 'en', 'invitation', 'How likely are you to recommend us?',
'Dear {{customer.name|customer}},

{{question}} Click a number: 0 is not at all likely, 10 is extremely likely.

{{scoreLinks}}

It takes a few seconds, and one of us reads every answer.

Kind regards,
The customer care team of {{company}}',
'{{customer.firstName|Hello}}, how likely are you to recommend us, 0-10? {{answerLink}}', 0),
('en/resurvey', 'en', 'resurvey', 'We put it right, we hope: how likely are you to recommend us now?',
'Dear {{customer.name|customer}},

A while ago you told us we had let you down, and we worked on it with you. We would like to know where we stand now.

{{question}} Click a number: 0 is not at all likely, 10 is extremely likely.

{{scoreLinks}}

Kind regards,
The customer care team of {{company}}',
'{{customer.firstName|Hello}}, we worked on what went wrong: how likely are you to recommend us now, 0-10? {{answerLink}}', 0),
('en/reminder', 'en', 'reminder', 'A gentle reminder: how likely are you to recommend us?',
'Dear {{customer.name|customer}},

A few days ago we asked how likely you are to recommend us. If you have a moment, click a number: this is the only reminder we send.

{{scoreLinks}}

Kind regards,
The customer care team of {{company}}',
'A reminder, and the only one: how likely are you to recommend us, 0-10? {{answerLink}}', 0),

('de/invitation', 'de', 'invitation', 'Wie wahrscheinlich empfehlen Sie uns weiter?',
'Guten Tag {{customer.name|zusammen}},

{{question}} Klicken Sie auf eine Zahl: 0 heißt überhaupt nicht wahrscheinlich, 10 äußerst wahrscheinlich.

{{scoreLinks}}

Es dauert nur wenige Sekunden, und jede Antwort wird gelesen.

Mit freundlichen Grüßen
Ihr Kundenservice von {{company}}',
'Wie wahrscheinlich empfehlen Sie uns weiter, 0-10? {{answerLink}}', 0),
('de/resurvey', 'de', 'resurvey', 'Haben wir es wieder gutgemacht? Wie wahrscheinlich empfehlen Sie uns jetzt?',
'Guten Tag {{customer.name|zusammen}},

vor einiger Zeit haben Sie uns gesagt, dass wir Sie enttäuscht haben, und wir haben gemeinsam mit Ihnen daran gearbeitet. Wir möchten wissen, wo wir heute stehen.

{{question}} Klicken Sie auf eine Zahl: 0 heißt überhaupt nicht wahrscheinlich, 10 äußerst wahrscheinlich.

{{scoreLinks}}

Mit freundlichen Grüßen
Ihr Kundenservice von {{company}}',
'Wir haben an Ihrem Anliegen gearbeitet: Wie wahrscheinlich empfehlen Sie uns jetzt weiter, 0-10? {{answerLink}}', 0),
('de/reminder', 'de', 'reminder', 'Eine freundliche Erinnerung: Wie wahrscheinlich empfehlen Sie uns weiter?',
'Guten Tag {{customer.name|zusammen}},

vor ein paar Tagen haben wir Sie gefragt, wie wahrscheinlich Sie uns weiterempfehlen. Wenn Sie einen Moment Zeit haben, klicken Sie auf eine Zahl: Dies ist die einzige Erinnerung.

{{scoreLinks}}

Mit freundlichen Grüßen
Ihr Kundenservice von {{company}}',
'Eine Erinnerung, die einzige: Wie wahrscheinlich empfehlen Sie uns weiter, 0-10? {{answerLink}}', 0),

('es/invitation', 'es', 'invitation', '¿Qué probabilidad hay de que nos recomiende?',
'Estimado/a {{customer.name|cliente}}:

{{question}} Haga clic en un número: 0 es nada probable y 10 es extremadamente probable.

{{scoreLinks}}

Solo le llevará unos segundos, y leemos todas las respuestas.

Un saludo,
El equipo de atención al cliente de {{company}}',
'{{customer.firstName|Hola}}, ¿qué probabilidad hay de que nos recomiende, de 0 a 10? {{answerLink}}', 0),
('es/resurvey', 'es', 'resurvey', 'Esperamos haberlo solucionado: ¿nos recomendaría ahora?',
'Estimado/a {{customer.name|cliente}}:

Hace un tiempo nos dijo que le habíamos fallado, y trabajamos en ello con usted. Queremos saber cómo estamos ahora.

{{question}} Haga clic en un número: 0 es nada probable y 10 es extremadamente probable.

{{scoreLinks}}

Un saludo,
El equipo de atención al cliente de {{company}}',
'{{customer.firstName|Hola}}, trabajamos en lo que salió mal: ¿nos recomendaría ahora, de 0 a 10? {{answerLink}}', 0),
('es/reminder', 'es', 'reminder', 'Un recordatorio: ¿qué probabilidad hay de que nos recomiende?',
'Estimado/a {{customer.name|cliente}}:

Hace unos días le preguntamos si nos recomendaría. Si tiene un momento, haga clic en un número: es el único recordatorio que enviamos.

{{scoreLinks}}

Un saludo,
El equipo de atención al cliente de {{company}}',
'Un recordatorio, el único: ¿qué probabilidad hay de que nos recomiende, de 0 a 10? {{answerLink}}', 0);
