//! What the customers write: phrase banks per language and topic. Placeholders: `{order}`,
//! `{invoice}`, `{days}`, `{amount}`.

#[derive(Debug)]
pub struct Topic {
    /// A short name used in the manifest.
    pub name: &'static str,
    pub subjects: &'static [&'static str],
    /// The problem, one of these opens the mail.
    pub problems: &'static [&'static str],
    /// Details; one or two follow the problem.
    pub details: &'static [&'static str],
    /// What the customer asks for.
    pub asks: &'static [&'static str],
}

#[derive(Debug)]
pub struct Language {
    pub code: &'static str,
    /// The sender's zone, minutes east of UTC.
    pub offset_minutes: i32,
    pub greetings: &'static [&'static str],
    pub closings: &'static [&'static str],
    pub angry: &'static [&'static str],
    pub thanks: &'static [&'static str],
    pub follow_ups: &'static [&'static str],
    pub reply_prefixes: &'static [&'static str],
    /// `{date}` and `{name}`.
    pub quote_header: &'static str,
    pub from_phone: &'static str,
    pub auto_reply_subject: &'static str,
    /// `{date}` and `{colleague}`.
    pub out_of_office: &'static str,
    pub newsletter_subjects: &'static [&'static str],
    pub newsletter_lines: &'static [&'static str],
    pub unsubscribe: &'static str,
    /// Full display names with a Latin spelling for the address.
    pub names: &'static [(&'static str, &'static str)],
    pub domains: &'static [&'static str],
    pub topics: &'static [Topic],
}

pub const LANGUAGES: [&Language; 4] = [&ET, &RU, &EN, &DE];

pub static ET: Language = Language {
    code: "et",
    offset_minutes: 120,
    greetings: &["Tere!", "Tere päevast!", "Lugupeetud klienditugi,", "Tere,"],
    closings: &["Lugupidamisega,", "Ette tänades,", "Parimat,", "Aitäh!"],
    angry: &[
        "See on juba kolmas kord, kui ma teile kirjutan, ja MITTE KEEGI ei vasta!!!",
        "Täiesti vastuvõetamatu teenindus. Kui ma homseks vastust ei saa, pöördun tarbijakaitsesse ja kirjutan igale poole arvustuse.",
        "MA TAHAN OMA RAHA KOHE TAGASI! Te lihtsalt petate inimesi!",
        "Olen teie suhtumisest tõsiselt pettunud. Kas teil on üldse kedagi, kes kirjadele vastab?",
    ],
    thanks: &[
        "Suur aitäh, nüüd kõik töötab!",
        "Aitäh kiire abi eest, probleem on lahendatud.",
        "Tänan, sain raha kätte. Head päeva!",
    ],
    follow_ups: &[
        "Kas on juba midagi teada? Ootan endiselt vastust.",
        "Täpsustuseks: tellimuse number on {order}. Lisan juurde ka ekraanipildi.",
        "Proovisin uuesti, aga probleem on endiselt alles.",
        "Helistasin ka teie infotelefonile, kuid keegi ei vastanud. Palun andke teada, kuidas edasi minna.",
    ],
    reply_prefixes: &["Re: ", "Vs: ", "RE: "],
    quote_header: "{date} kirjutas {name}:",
    from_phone: "Saadetud minu iPhone'ist",
    auto_reply_subject: "Automaatne vastus: ",
    out_of_office: "Tere!\n\nOlen puhkusel kuni {date} ja ei loe sel ajal e-kirju. Kiirete küsimuste korral palun pöörduge kolleegi poole: {colleague}.\n\nVastan teie kirjale pärast naasmist.",
    newsletter_subjects: &[
        "Kevadine allahindlus: kuni -40% kõigilt jalanõudelt",
        "Nädala parimad pakkumised just sinule",
        "Uued tooted on saabunud – vaata esimesena!",
    ],
    newsletter_lines: &[
        "Ainult sel nädalal on kõik jooksujalanõud kuni 40% soodsamad.",
        "Tasuta kohaletoimetamine kõikidele tellimustele üle 50 euro.",
        "Kliendikaardi omanikele lisaks 10% soodustust kassas.",
        "Avasime uue esinduspoe Tallinnas Rotermanni kvartalis.",
    ],
    unsubscribe: "Kui te ei soovi enam meie uudiskirja saada, saate sellest loobuda siit.",
    names: &[
        ("Mari Tamm", "mari.tamm"),
        ("Kadri Saar", "kadri.saar"),
        ("Liis Sepp", "liis.sepp"),
        ("Triin Mägi", "triin.magi"),
        ("Ülle Kask", "ylle.kask"),
        ("Tiit Kukk", "tiit.kukk"),
        ("Jaan Rebane", "jaan.rebane"),
        ("Märt Ilves", "mart.ilves"),
        ("Andres Pärn", "andres.parn"),
        ("Priit Kõiv", "priit.koiv"),
        ("Kristjan Lepik", "kristjan.lepik"),
        ("Helen Õunapuu", "helen.ounapuu"),
    ],
    domains: &["mail.ee", "online.ee", "hot.ee", "gmail.com", "neti.ee"],
    topics: &[
        Topic {
            name: "login",
            subjects: &[
                "Ei saa kontole sisse logida",
                "Parool ei tööta",
                "Sisselogimine ebaõnnestub",
            ],
            problems: &[
                "Alates eilsest ei saa ma oma kontole sisse logida. Sisestan õige e-posti aadressi ja parooli, aga leht ütleb ikka, et andmed on valed.",
                "Ma ei pääse oma kliendikontole ligi. Pärast parooli sisestamist jääb leht lihtsalt laadima.",
            ],
            details: &[
                "Proovisin parooli lähtestada, kuid lähtestamise kirja ei tulnud, ka rämpsposti kaustas seda ei ole.",
                "Mul on vaja näha tellimuse {order} staatust, aga ilma sisselogimiseta see ei õnnestu.",
                "Proovisin nii Chrome'i kui ka Firefoxiga, tulemus on sama.",
            ],
            asks: &[
                "Palun aidake mul kontole uuesti ligi pääseda.",
                "Kas saaksite mu parooli käsitsi lähtestada?",
            ],
        },
        Topic {
            name: "invoice",
            subjects: &[
                "Arve {invoice} on vale",
                "Küsimus arve kohta",
                "Topeltmakse tellimusele {order}",
            ],
            problems: &[
                "Sain arve {invoice}, kuid summa ei klapi tellimusega {order}. Tellisin kaks toodet, arvel on aga kolm.",
                "Tundub, et minu kaardilt võeti tellimuse {order} eest raha kaks korda maha, kokku {amount} eurot.",
            ],
            details: &[
                "Meil on vaja arve esitada raamatupidamisse kuu lõpuks.",
                "Arvel on ka vale ettevõtte nimi, õige on OÜ Päikesekiir, registrikood 12345678.",
                "Pangaväljavõtte saan vajadusel saata.",
            ],
            asks: &[
                "Palun saatke mulle korrigeeritud arve.",
                "Palun tagastage topelt võetud summa.",
            ],
        },
        Topic {
            name: "delivery",
            subjects: &[
                "Kus on minu tellimus {order}?",
                "Pakk pole kohale jõudnud",
                "Tarne hilineb",
            ],
            problems: &[
                "Esitasin tellimuse {order} {days} päeva tagasi, aga pakk pole siiani kohale jõudnud.",
                "Minu tellimus {order} pidi saabuma eelmisel nädalal, kuid pakiautomaati pole midagi tulnud.",
            ],
            details: &[
                "Jälgimiskood ei näita juba mitu päeva mingit liikumist.",
                "Lubatud tarneaeg oli kolm tööpäeva.",
                "Pakiautomaat on Tartus Lõunakeskuses, kui see on oluline.",
            ],
            asks: &[
                "Palun öelge, millal ma paki kätte saan.",
                "Palun kontrollige, kus mu pakk on.",
            ],
        },
        Topic {
            name: "refund",
            subjects: &[
                "Raha tagastamine tellimuse {order} eest",
                "Soovin tellimuse tühistada",
                "Tagastus ja raha tagasi",
            ],
            problems: &[
                "Saatsin toote tagasi kaks nädalat tagasi, kuid {amount} eurot pole siiani minu kontole laekunud.",
                "Soovin tellimuse {order} tühistada ja raha tagasi saada, sest toode ei vasta kirjeldusele.",
            ],
            details: &[
                "Tagastuse kinnituse sain e-postiga, tellimuse number on {order}.",
                "Toode oli kasutamata ja originaalpakendis.",
            ],
            asks: &[
                "Palun kandke raha tagasi võimalikult kiiresti.",
                "Andke palun teada, millal raha tagasi tuleb.",
            ],
        },
        Topic {
            name: "bug",
            subjects: &[
                "Viga mobiilirakenduses",
                "Makse ei lähe läbi",
                "Rakendus jookseb kokku",
            ],
            problems: &[
                "Kui proovin ostukorvis maksma minna, kuvatakse veateade „Midagi läks valesti” ja leht laeb uuesti.",
                "Rakendus sulgub kohe pärast avamist, isegi pärast telefoni taaskäivitamist.",
            ],
            details: &[
                "Kasutan iPhone'i, iOS 17, rakenduse versioon 4.2.1. Probleem tekkis pärast viimast uuendust.",
                "Tahtsin tasuda tellimuse {order} eest, kuid see jäi pooleli.",
            ],
            asks: &["Palun parandage viga või öelge, kuidas saan tellimuse muul viisil tasuda."],
        },
    ],
};

pub static RU: Language = Language {
    code: "ru",
    offset_minutes: 180,
    greetings: &[
        "Здравствуйте!",
        "Добрый день!",
        "Добрый вечер,",
        "Здравствуйте, служба поддержки!",
    ],
    closings: &[
        "С уважением,",
        "Заранее спасибо,",
        "Жду ответа,",
        "Спасибо,",
    ],
    angry: &[
        "Я пишу вам уже третий раз, и НИКТО не отвечает!!!",
        "Это просто безобразие. Если завтра не будет ответа, я обращусь в банк и оспорю платёж, а также напишу жалобу в защиту прав потребителей.",
        "ВЕРНИТЕ МОИ ДЕНЬГИ НЕМЕДЛЕННО! Вы просто обманываете людей!",
        "Я крайне возмущён вашим отношением к клиентам. Неужели так сложно ответить?",
    ],
    thanks: &[
        "Большое спасибо, всё заработало!",
        "Спасибо за быструю помощь, вопрос решён.",
        "Спасибо, деньги пришли. Хорошего дня!",
    ],
    follow_ups: &[
        "Есть какие-нибудь новости? Я всё ещё жду ответа.",
        "Уточняю: номер заказа {order}. Прикладываю скриншот.",
        "Попробовал ещё раз, но проблема никуда не делась.",
        "Звонил на горячую линию, но никто не взял трубку. Подскажите, что делать дальше.",
    ],
    reply_prefixes: &["Re: ", "RE: ", "Отв: "],
    quote_header: "{date}, {name} пишет:",
    from_phone: "Отправлено с iPhone",
    auto_reply_subject: "Автоответ: ",
    out_of_office: "Здравствуйте!\n\nЯ в отпуске до {date} и не имею доступа к почте. По срочным вопросам, пожалуйста, обращайтесь к коллеге: {colleague}.\n\nОтвечу на ваше письмо после возвращения.",
    newsletter_subjects: &[
        "Весенняя распродажа: скидки до 40% на всю обувь",
        "Лучшие предложения недели специально для вас",
        "Новинки уже в продаже — успейте первыми!",
    ],
    newsletter_lines: &[
        "Только на этой неделе вся беговая обувь дешевле до 40%.",
        "Бесплатная доставка при заказе от 50 евро.",
        "Владельцам клубной карты — дополнительная скидка 10% на кассе.",
        "Мы открыли новый магазин в Таллинне, в квартале Ротерманни.",
    ],
    unsubscribe: "Если вы больше не хотите получать нашу рассылку, отпишитесь здесь.",
    names: &[
        ("Иван Петров", "ivan.petrov"),
        ("Ольга Смирнова", "olga.smirnova"),
        ("Сергей Кузнецов", "sergei.kuznetsov"),
        ("Наталья Попова", "natalja.popova"),
        ("Алексей Волков", "aleksei.volkov"),
        ("Татьяна Соколова", "tatjana.sokolova"),
        ("Дмитрий Морозов", "dmitri.morozov"),
        ("Елена Лебедева", "jelena.lebedeva"),
        ("Андрей Новиков", "andrei.novikov"),
        ("Мария Козлова", "maria.kozlova"),
    ],
    domains: &[
        "mail.ru",
        "yandex.ru",
        "gmail.com",
        "inbox.lv",
        "rambler.ru",
    ],
    topics: &[
        Topic {
            name: "login",
            subjects: &[
                "Не могу войти в личный кабинет",
                "Не приходит письмо для сброса пароля",
                "Проблема со входом",
            ],
            problems: &[
                "Со вчерашнего дня не могу войти в свой аккаунт. Ввожу правильный e-mail и пароль, но сайт пишет, что данные неверны.",
                "Не получается зайти в личный кабинет: после ввода пароля страница просто бесконечно грузится.",
            ],
            details: &[
                "Пробовал восстановить пароль, но письмо так и не пришло, в папке «Спам» его тоже нет.",
                "Мне нужно проверить статус заказа {order}, а без входа это невозможно.",
                "Пробовал и в Chrome, и в Firefox — результат одинаковый.",
            ],
            asks: &[
                "Помогите, пожалуйста, восстановить доступ к аккаунту.",
                "Можете сбросить пароль вручную?",
            ],
        },
        Topic {
            name: "invoice",
            subjects: &[
                "Ошибка в счёте {invoice}",
                "Вопрос по счёту за заказ {order}",
                "Двойное списание",
            ],
            problems: &[
                "Получил счёт {invoice}, но сумма не совпадает с заказом {order}. Я заказывал два товара, а в счёте указано три.",
                "Похоже, что за заказ {order} деньги с карты списали дважды, всего {amount} евро.",
            ],
            details: &[
                "Счёт нужен бухгалтерии до конца месяца.",
                "В счёте также неверно указано название компании, правильно — ООО «Северный ветер».",
                "Могу прислать выписку из банка, если нужно.",
            ],
            asks: &[
                "Пожалуйста, пришлите исправленный счёт.",
                "Прошу вернуть лишнее списание.",
            ],
        },
        Topic {
            name: "delivery",
            subjects: &[
                "Где мой заказ {order}?",
                "Посылка не доставлена",
                "Задержка доставки",
            ],
            problems: &[
                "Я оформил заказ {order} {days} дней назад, но посылка до сих пор не пришла.",
                "Заказ {order} должен был прийти на прошлой неделе, но в пункт выдачи ничего не поступило.",
            ],
            details: &[
                "Трек-номер уже несколько дней не обновляется.",
                "Обещанный срок доставки — три рабочих дня.",
                "Пункт выдачи находится в Нарве, на Таллиннском шоссе, если это важно.",
            ],
            asks: &[
                "Подскажите, пожалуйста, когда я получу посылку?",
                "Проверьте, пожалуйста, где моя посылка.",
            ],
        },
        Topic {
            name: "refund",
            subjects: &[
                "Возврат денег за заказ {order}",
                "Хочу отменить заказ",
                "Возврат товара",
            ],
            problems: &[
                "Я отправил товар обратно две недели назад, но {amount} евро так и не вернулись на карту.",
                "Хочу отменить заказ {order} и получить деньги обратно: товар не соответствует описанию.",
            ],
            details: &[
                "Подтверждение возврата пришло на почту, номер заказа {order}.",
                "Товар не использовался и находится в оригинальной упаковке.",
            ],
            asks: &[
                "Пожалуйста, верните деньги как можно скорее.",
                "Сообщите, когда ждать возврата.",
            ],
        },
        Topic {
            name: "bug",
            subjects: &[
                "Ошибка в мобильном приложении",
                "Не проходит оплата",
                "Приложение вылетает",
            ],
            problems: &[
                "Когда я пытаюсь оплатить корзину, появляется сообщение «Что-то пошло не так», и страница перезагружается.",
                "Приложение закрывается сразу после запуска, даже после перезагрузки телефона.",
            ],
            details: &[
                "У меня Android 14, версия приложения 4.2.1. Проблема появилась после последнего обновления.",
                "Хотел оплатить заказ {order}, но оплата так и не прошла.",
            ],
            asks: &["Исправьте, пожалуйста, ошибку или подскажите, как оплатить заказ по-другому."],
        },
    ],
};

pub static EN: Language = Language {
    code: "en",
    offset_minutes: 0,
    greetings: &["Hi,", "Hello,", "Dear support team,", "Hi there,"],
    closings: &[
        "Best regards,",
        "Thanks in advance,",
        "Kind regards,",
        "Cheers,",
    ],
    angry: &[
        "This is the third time I am writing to you and NOBODY answers!!!",
        "Absolutely unacceptable. If I don't hear back by tomorrow I will file a chargeback and leave a review everywhere I can.",
        "I WANT MY MONEY BACK NOW! This is a scam!",
        "I am extremely disappointed with how you treat your customers. Is anyone even reading these emails?",
    ],
    thanks: &[
        "Thank you so much, everything works now!",
        "Thanks for the quick help, the problem is solved.",
        "Thanks, the refund arrived. Have a nice day!",
    ],
    follow_ups: &[
        "Any news on this? I'm still waiting for an answer.",
        "To clarify: the order number is {order}. I've attached a screenshot.",
        "I tried again but the problem is still there.",
        "I also called your hotline but nobody picked up. Please let me know how to proceed.",
    ],
    reply_prefixes: &["Re: ", "RE: "],
    quote_header: "On {date}, {name} wrote:",
    from_phone: "Sent from my iPhone",
    auto_reply_subject: "Automatic reply: ",
    out_of_office: "Thank you for your message.\n\nI am out of the office until {date} with limited access to email. For urgent matters please contact {colleague}.\n\nI will respond to your message when I return.",
    newsletter_subjects: &[
        "Spring sale: up to 40% off all footwear",
        "This week's best deals, picked for you",
        "New arrivals are here - be the first to see them!",
    ],
    newsletter_lines: &[
        "This week only: all running shoes up to 40% off.",
        "Free shipping on all orders over 50 euros.",
        "Loyalty card holders get an extra 10% off at checkout.",
        "We have opened a new flagship store in Tallinn's Rotermann Quarter.",
    ],
    unsubscribe: "If you no longer wish to receive our newsletter, you can unsubscribe here.",
    names: &[
        ("Emily Clarke", "emily.clarke"),
        ("James Walker", "james.walker"),
        ("Sophie Turner", "sophie.turner"),
        ("Oliver Bennett", "oliver.bennett"),
        ("Charlotte Hughes", "charlotte.hughes"),
        ("Daniel Murphy", "daniel.murphy"),
        ("Hannah Wright", "hannah.wright"),
        ("Thomas O'Brien", "thomas.obrien"),
        ("Grace Patel", "grace.patel"),
        ("Ryan Cooper", "ryan.cooper"),
    ],
    domains: &[
        "gmail.com",
        "outlook.com",
        "yahoo.co.uk",
        "icloud.com",
        "protonmail.com",
    ],
    topics: &[
        Topic {
            name: "login",
            subjects: &[
                "Can't log in to my account",
                "Password reset email never arrives",
                "Login problem",
            ],
            problems: &[
                "Since yesterday I can't log in to my account. I enter the correct email and password but the site keeps saying my details are wrong.",
                "I can't get into my customer account. After I enter my password the page just keeps loading.",
            ],
            details: &[
                "I tried resetting my password but the reset email never arrived, and it isn't in my spam folder either.",
                "I need to check the status of order {order} and I can't do that without logging in.",
                "I tried both Chrome and Firefox, same result.",
            ],
            asks: &[
                "Could you please help me get back into my account?",
                "Can you reset my password manually?",
            ],
        },
        Topic {
            name: "invoice",
            subjects: &[
                "Invoice {invoice} is wrong",
                "Question about my invoice",
                "Charged twice for order {order}",
            ],
            problems: &[
                "I received invoice {invoice} but the amount doesn't match order {order}. I ordered two items and the invoice lists three.",
                "It looks like my card was charged twice for order {order}, {amount} EUR in total.",
            ],
            details: &[
                "Our accounts department needs the invoice by the end of the month.",
                "The company name on the invoice is also wrong, it should be Northwind Ltd.",
                "I can send you a bank statement if that helps.",
            ],
            asks: &[
                "Please send me a corrected invoice.",
                "Please refund the duplicate charge.",
            ],
        },
        Topic {
            name: "delivery",
            subjects: &[
                "Where is my order {order}?",
                "Parcel not delivered",
                "Delivery delayed",
            ],
            problems: &[
                "I placed order {order} {days} days ago but the parcel still hasn't arrived.",
                "My order {order} was supposed to arrive last week, but nothing has turned up at the pickup point.",
            ],
            details: &[
                "The tracking number hasn't shown any movement for several days.",
                "The promised delivery time was three business days.",
                "The pickup point is at the Ülemiste Centre in Tallinn, in case that matters.",
            ],
            asks: &[
                "Could you please tell me when I will receive it?",
                "Please check where my parcel is.",
            ],
        },
        Topic {
            name: "refund",
            subjects: &[
                "Refund for order {order}",
                "I want to cancel my order",
                "Return and refund",
            ],
            problems: &[
                "I sent the item back two weeks ago but the {amount} EUR still hasn't been refunded to my card.",
                "I'd like to cancel order {order} and get my money back, the item doesn't match the description.",
            ],
            details: &[
                "I got the return confirmation by email, the order number is {order}.",
                "The item was unused and in its original packaging.",
            ],
            asks: &[
                "Please process the refund as soon as possible.",
                "Please let me know when I can expect the money.",
            ],
        },
        Topic {
            name: "bug",
            subjects: &[
                "Bug in the mobile app",
                "Payment doesn't go through",
                "App keeps crashing",
            ],
            problems: &[
                "When I try to pay for my basket I get the error \"Something went wrong\" and the page reloads.",
                "The app closes right after I open it, even after restarting my phone.",
            ],
            details: &[
                "I'm on an iPhone 13 with iOS 17, app version 4.2.1. It started after the last update.",
                "I wanted to pay for order {order} but the payment never completed.",
            ],
            asks: &["Please fix this or tell me how else I can pay for my order."],
        },
    ],
};

pub static DE: Language = Language {
    code: "de",
    offset_minutes: 60,
    greetings: &[
        "Hallo,",
        "Guten Tag,",
        "Sehr geehrte Damen und Herren,",
        "Liebes Support-Team,",
    ],
    closings: &[
        "Mit freundlichen Grüßen",
        "Viele Grüße",
        "Vielen Dank im Voraus",
        "Beste Grüße",
    ],
    angry: &[
        "Ich schreibe Ihnen jetzt zum dritten Mal und NIEMAND antwortet!!!",
        "Das ist eine Frechheit. Wenn ich bis morgen keine Antwort habe, lasse ich die Zahlung zurückbuchen und schalte meinen Anwalt ein.",
        "ICH WILL MEIN GELD SOFORT ZURÜCK! Das ist Betrug!",
        "Ich bin von Ihrem Umgang mit Kunden maßlos enttäuscht. Liest hier überhaupt jemand die E-Mails?",
    ],
    thanks: &[
        "Vielen Dank, jetzt funktioniert alles!",
        "Danke für die schnelle Hilfe, das Problem ist gelöst.",
        "Danke, das Geld ist angekommen. Schönen Tag noch!",
    ],
    follow_ups: &[
        "Gibt es schon Neuigkeiten? Ich warte immer noch auf eine Antwort.",
        "Zur Ergänzung: die Bestellnummer ist {order}. Anbei ein Screenshot.",
        "Ich habe es noch einmal versucht, aber das Problem besteht weiterhin.",
        "Ich habe auch bei Ihrer Hotline angerufen, aber niemand ist rangegangen. Wie soll ich weiter vorgehen?",
    ],
    reply_prefixes: &["AW: ", "Re: ", "Antw: "],
    quote_header: "Am {date} schrieb {name}:",
    from_phone: "Von meinem iPhone gesendet",
    auto_reply_subject: "Abwesenheitsnotiz: ",
    out_of_office: "Vielen Dank für Ihre Nachricht.\n\nIch bin bis einschließlich {date} nicht im Büro und habe keinen Zugriff auf meine E-Mails. In dringenden Fällen wenden Sie sich bitte an {colleague}.\n\nIhre E-Mail wird nicht weitergeleitet.",
    newsletter_subjects: &[
        "Frühlingsangebote: bis zu 40 % Rabatt auf alle Schuhe",
        "Die besten Angebote der Woche – nur für Sie",
        "Neu eingetroffen – jetzt als Erste entdecken!",
    ],
    newsletter_lines: &[
        "Nur diese Woche: alle Laufschuhe bis zu 40 % günstiger.",
        "Kostenloser Versand für alle Bestellungen ab 50 Euro.",
        "Kundenkarteninhaber erhalten zusätzlich 10 % Rabatt an der Kasse.",
        "Wir haben einen neuen Flagship-Store in Tallinn eröffnet.",
    ],
    unsubscribe: "Wenn Sie unseren Newsletter nicht mehr erhalten möchten, können Sie ihn hier abbestellen.",
    names: &[
        ("Jürgen Müller", "juergen.mueller"),
        ("Anna Schmidt", "anna.schmidt"),
        ("Stefan Weiß", "stefan.weiss"),
        ("Sabine Bauer", "sabine.bauer"),
        ("Lukas Hoffmann", "lukas.hoffmann"),
        ("Katrin Schäfer", "katrin.schaefer"),
        ("Thomas Becker", "thomas.becker"),
        ("Julia Wagner", "julia.wagner"),
        ("Michael Koch", "michael.koch"),
        ("Claudia Förster", "claudia.foerster"),
    ],
    domains: &["web.de", "gmx.de", "t-online.de", "gmail.com", "posteo.de"],
    topics: &[
        Topic {
            name: "login",
            subjects: &[
                "Anmeldung nicht möglich",
                "Passwort zurücksetzen funktioniert nicht",
                "Kann mich nicht einloggen",
            ],
            problems: &[
                "Seit gestern kann ich mich nicht mehr in mein Kundenkonto einloggen. Ich gebe die richtige E-Mail-Adresse und das richtige Passwort ein, aber es heißt immer, die Daten seien falsch.",
                "Ich komme nicht mehr in mein Kundenkonto. Nach Eingabe des Passworts lädt die Seite einfach endlos weiter.",
            ],
            details: &[
                "Ich habe versucht, das Passwort zurückzusetzen, aber die E-Mail ist nie angekommen, auch nicht im Spam-Ordner.",
                "Ich muss den Status meiner Bestellung {order} prüfen, und ohne Anmeldung geht das nicht.",
                "Ich habe es mit Chrome und mit Firefox probiert, das Ergebnis ist dasselbe.",
            ],
            asks: &[
                "Bitte helfen Sie mir, wieder Zugang zu meinem Konto zu bekommen.",
                "Können Sie mein Passwort manuell zurücksetzen?",
            ],
        },
        Topic {
            name: "invoice",
            subjects: &[
                "Fehler in Rechnung {invoice}",
                "Frage zur Rechnung",
                "Doppelte Abbuchung für Bestellung {order}",
            ],
            problems: &[
                "Ich habe die Rechnung {invoice} erhalten, aber der Betrag passt nicht zur Bestellung {order}. Ich habe zwei Artikel bestellt, auf der Rechnung stehen drei.",
                "Es sieht so aus, als wäre für die Bestellung {order} zweimal von meiner Karte abgebucht worden, insgesamt {amount} Euro.",
            ],
            details: &[
                "Unsere Buchhaltung braucht die Rechnung bis zum Monatsende.",
                "Auf der Rechnung steht außerdem der falsche Firmenname, richtig ist Müller & Söhne GmbH.",
                "Einen Kontoauszug kann ich Ihnen gerne schicken.",
            ],
            asks: &[
                "Bitte schicken Sie mir eine korrigierte Rechnung.",
                "Bitte erstatten Sie mir die doppelte Abbuchung.",
            ],
        },
        Topic {
            name: "delivery",
            subjects: &[
                "Wo bleibt meine Bestellung {order}?",
                "Paket nicht angekommen",
                "Lieferverzögerung",
            ],
            problems: &[
                "Ich habe die Bestellung {order} vor {days} Tagen aufgegeben, aber das Paket ist immer noch nicht da.",
                "Meine Bestellung {order} sollte letzte Woche ankommen, aber an der Packstation ist nichts eingegangen.",
            ],
            details: &[
                "Die Sendungsverfolgung zeigt seit Tagen keine Bewegung.",
                "Zugesagt waren drei Werktage.",
                "Die Packstation ist in München-Schwabing, falls das wichtig ist.",
            ],
            asks: &[
                "Bitte teilen Sie mir mit, wann ich mit der Lieferung rechnen kann.",
                "Bitte prüfen Sie, wo mein Paket ist.",
            ],
        },
        Topic {
            name: "refund",
            subjects: &[
                "Rückerstattung für Bestellung {order}",
                "Bestellung stornieren",
                "Rücksendung und Erstattung",
            ],
            problems: &[
                "Ich habe den Artikel vor zwei Wochen zurückgeschickt, aber die {amount} Euro sind immer noch nicht auf meinem Konto.",
                "Ich möchte die Bestellung {order} stornieren und mein Geld zurück, der Artikel entspricht nicht der Beschreibung.",
            ],
            details: &[
                "Die Rücksendebestätigung habe ich per E-Mail bekommen, die Bestellnummer ist {order}.",
                "Der Artikel war unbenutzt und originalverpackt.",
            ],
            asks: &[
                "Bitte erstatten Sie den Betrag so schnell wie möglich.",
                "Bitte teilen Sie mir mit, wann ich mit dem Geld rechnen kann.",
            ],
        },
        Topic {
            name: "bug",
            subjects: &["Fehler in der App", "Zahlung schlägt fehl", "App stürzt ab"],
            problems: &[
                "Wenn ich im Warenkorb auf „Jetzt bezahlen“ tippe, erscheint „Etwas ist schiefgelaufen“ und die Seite lädt neu.",
                "Die App schließt sich direkt nach dem Öffnen, auch nach einem Neustart des Handys.",
            ],
            details: &[
                "Ich nutze ein Samsung Galaxy S23 mit Android 14, App-Version 4.2.1. Das Problem tritt seit dem letzten Update auf.",
                "Ich wollte die Bestellung {order} bezahlen, aber die Zahlung wurde nie abgeschlossen.",
            ],
            asks: &[
                "Bitte beheben Sie den Fehler oder sagen Sie mir, wie ich anders bezahlen kann.",
            ],
        },
    ],
};
