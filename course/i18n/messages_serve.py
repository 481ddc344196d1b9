"""Messages of `atelier serve` (the terminal banner and the pages shown in browsers)."""

FR = {
    "serve.help": "servir l'application aux navigateurs du réseau local, chaque onglet étant une personne",
    "serve.opt.host": "adresse d'écoute : 127.0.0.1 = cette machine seulement (par défaut) ; 0.0.0.0 = tout le réseau local",
    "serve.opt.port": "port d'écoute (par défaut 8000)",
    "serve.opt.session": "nom de la séance d'atelier, enregistré avec chaque réponse de la journée, dans tous les onglets (se change dans l'espace formateur, F9) (ex. \"Médiathèque 24/11\")",
    "serve.opt.code": "code d'atelier que les apprenants tapent avant de commencer (par défaut : 6 chiffres tirés au hasard ; 4 caractères au moins)",
    "serve.opt.pin": "code formateur qui ouvre l'espace formateur (F9) dans les onglets (ou variable ATELIER_PIN ; par défaut : celui choisi dans l'application, sinon 6 chiffres tirés au hasard)",
    "serve.opt.max_learners": "nombre d'onglets ouverts en même temps au plus (par défaut : selon la mémoire libre, environ 30 Mo par onglet)",
    "serve.bad_pin": "le code formateur compte {min} caractères au moins",
    "serve.bad_count": "un nombre entier entre 1 et 10000",
    "serve.opt.no_code": "ne demander aucun code (seulement quand le serveur n'écoute que cette machine)",
    "serve.bad_code": "le code d'atelier compte {min} caractères au moins",
    "serve.bad_port": "le port est un nombre entre 0 et 65535",
    "serve.missing": (
        "« atelier serve » a besoin du module textual-serve, qui n'est pas installé ({module} manque).\n"
        "Installez-le (une connexion à Internet est nécessaire une fois) :\n"
        '    pip install "atelier-numerique[serve]"\n'
        'ou, depuis le dossier du projet : pip install ".[serve]"'
    ),
    "serve.no_code_lan": (
        "Attention : sans code (--no-code), toute personne connectée au même réseau peut ouvrir une session "
        "et écrire dans la progression. Retirez --no-code pour qu'un code soit demandé."
    ),
    "serve.no_lan": (
        "Attention : aucune adresse sur le réseau local n'a été trouvée (la machine est-elle reliée au Wi-Fi "
        "ou au câble ?). Les apprenants taperont l'adresse de cette machine sur le réseau, suivie de :{port}."
    ),
    "serve.bind_failed": (
        "Impossible d'écouter sur {host}, port {port} : {reason}\n"
        "Le port est peut-être déjà pris (un autre « atelier serve » ?) : essayez --port {other}."
    ),
    "serve.banner.ready": "Atelier numérique est ouvert aux navigateurs : « {title} ».",
    "serve.banner.address": "Adresse à donner aux apprenants :     {url}",
    "serve.banner.address_local": "Adresse à ouvrir dans un navigateur : {url}",
    "serve.banner.local_only": "(cette machine seulement ; pour tout le réseau local : atelier serve --host 0.0.0.0)",
    "serve.banner.code": "Code de l'atelier à leur donner :     {code}",
    "serve.banner.no_code": "Aucun code n'est demandé.",
    "serve.banner.pin": "Code formateur (F9), à garder :       {pin}",
    "serve.banner.pin_stored": "Code formateur (F9) : celui que vous avez choisi dans l'application.",
    "serve.banner.max": "Onglets ouverts en même temps :       {n} au plus (--max-learners)",
    "serve.banner.session": "Séance :                              {session}",
    "serve.banner.data": "Progression enregistrée dans :        {path}",
    "serve.banner.each": "Chaque onglet ouvert est une personne : elle écrit son prénom et reçoit un code personnel pour reprendre.",
    "serve.banner.stop": "Pour arrêter : Ctrl+C (les réponses sont déjà enregistrées).",
    "serve.stopped": "Serveur arrêté.",
    "serve.page.title": "Atelier numérique",
    "serve.page.heading": "Bienvenue dans l'atelier",
    "serve.page.prompt": "Tapez le code de l'atelier, donné par la personne qui l'anime.",
    "serve.page.label": "Code de l'atelier",
    "serve.page.submit": "Entrer",
    "serve.page.wrong": "Ce code n'est pas le bon. Vérifiez-le et tapez-le à nouveau.",
    "serve.page.too_many": "Trop d'essais depuis cet appareil. Attendez quelques minutes, ou demandez le code à la personne qui anime.",
    "serve.page.forbidden": "Tapez d'abord le code de l'atelier sur la page d'accueil.",
    "serve.page.busy": "Trop de codes erronés sur ce réseau en peu de temps. Attendez une minute, puis réessayez ; la personne qui anime peut vous aider.",
    "serve.page.full_heading": "L'atelier est complet pour le moment",
    "serve.page.full": "Toutes les places de l'atelier sont occupées ({n} {n|personne|personnes} au plus). Fermez un onglet de l'atelier que vous n'utilisez plus, ou attendez qu'une place se libère, puis rechargez cette page. La personne qui anime peut aussi ouvrir plus de places.",
    "serve.log.tab_opened": "Onglet ouvert (appareil {device}) : {n} sur {max}.",
    "serve.log.tab_closed": "Onglet fermé (appareil {device}) : {n} sur {max}.",
    "serve.log.wrong": "Code d'atelier erroné (appareil {device}, adresse {address}) : {n} en 5 minutes.",
    "serve.log.entered": "Code d'atelier accepté (appareil {device}, adresse {address}).",
    "serve.log.blocked_device": "Appareil {device} ({address}) mis en attente : trop de codes erronés.",
    "serve.log.blocked_address": "Adresse {address} mise en attente : trop de codes erronés depuis cette adresse.",
    "serve.log.blocked_server": "Trop de codes erronés sur tout le serveur : les essais sont ralentis (quelqu'un cherche-t-il le code ?).",
    "serve.page.loading": "Ouverture de l'atelier…",
    "serve.page.start": "Commencer",
    "serve.page.ended": "La séance est terminée. Les réponses sont enregistrées.",
    "serve.page.restart": "Rouvrir",
    "serve.page.noscript": "Cette page a besoin de JavaScript : activez-le dans le navigateur.",
}

EN = {
    "serve.help": "serve the app to browsers on the local network, one person per browser tab",
    "serve.opt.host": "address to listen on: 127.0.0.1 = this machine only (default); 0.0.0.0 = the whole local network",
    "serve.opt.port": "port to listen on (default 8000)",
    "serve.opt.session": 'name of the workshop session, recorded with every answer of the day, in every tab (changed in the trainer space, F9) (e.g. "Library 24/11")',
    "serve.opt.code": "workshop code learners type before starting (default: 6 random digits; at least 4 characters)",
    "serve.opt.pin": "trainer's code that opens the trainer's view (F9) in the tabs (or ATELIER_PIN; default: the one chosen in the app, else 6 random digits)",
    "serve.opt.max_learners": "most tabs open at once (default: from free memory, about 30 MB per tab)",
    "serve.bad_pin": "the trainer's code has at least {min} characters",
    "serve.bad_count": "a whole number between 1 and 10000",
    "serve.opt.no_code": "ask for no code (only when the server listens to this machine alone)",
    "serve.bad_code": "the workshop code has at least {min} characters",
    "serve.bad_port": "the port is a number between 0 and 65535",
    "serve.missing": (
        "« atelier serve » needs the textual-serve module, which is not installed ({module} is missing).\n"
        "Install it (an Internet connection is needed once):\n"
        '    pip install "atelier-numerique[serve]"\n'
        'or, from the project folder: pip install ".[serve]"'
    ),
    "serve.no_code_lan": (
        "Warning: with no code (--no-code), anyone on the same network can open a session and write "
        "to the progress data. Remove --no-code to ask for a code."
    ),
    "serve.no_lan": (
        "Warning: no local network address was found (is this machine on Wi-Fi or cable?). Learners will "
        "type this machine's network address followed by :{port}."
    ),
    "serve.bind_failed": (
        "Cannot listen on {host}, port {port}: {reason}\n"
        "The port may already be taken (another « atelier serve »?): try --port {other}."
    ),
    "serve.banner.ready": "Atelier numérique is open to browsers: « {title} ».",
    "serve.banner.address": "Address to give learners:     {url}",
    "serve.banner.address_local": "Address to open in a browser: {url}",
    "serve.banner.local_only": "(this machine only; for the whole local network: atelier serve --host 0.0.0.0)",
    "serve.banner.code": "Workshop code to give them:   {code}",
    "serve.banner.no_code": "No code is asked for.",
    "serve.banner.pin": "Trainer's code (F9), keep it: {pin}",
    "serve.banner.pin_stored": "Trainer's code (F9): the one you chose in the app.",
    "serve.banner.max": "Tabs open at once:            {n} at most (--max-learners)",
    "serve.banner.session": "Session:                      {session}",
    "serve.banner.data": "Progress saved in:            {path}",
    "serve.banner.each": "Each open tab is one person: they type their first name and get a personal code to resume.",
    "serve.banner.stop": "To stop: Ctrl+C (answers are already saved).",
    "serve.stopped": "Server stopped.",
    "serve.page.title": "Atelier numérique",
    "serve.page.heading": "Welcome to the workshop",
    "serve.page.prompt": "Type the workshop code given by the person leading it.",
    "serve.page.label": "Workshop code",
    "serve.page.submit": "Enter",
    "serve.page.wrong": "This code is not the right one. Check it and type it again.",
    "serve.page.too_many": "Too many tries from this device. Wait a few minutes, or ask the person leading the workshop.",
    "serve.page.forbidden": "First type the workshop code on the home page.",
    "serve.page.busy": "Too many wrong codes on this network in a short time. Wait a minute, then try again; the person leading the workshop can help.",
    "serve.page.full_heading": "The workshop is full for now",
    "serve.page.full": "Every place of the workshop is taken ({n} {n|person|people} at most). Close a workshop tab you no longer use, or wait for a place, then reload this page. The person leading the workshop can also open more places.",
    "serve.log.tab_opened": "Tab opened (device {device}): {n} of {max}.",
    "serve.log.tab_closed": "Tab closed (device {device}): {n} of {max}.",
    "serve.log.wrong": "Wrong workshop code (device {device}, address {address}): {n} in 5 minutes.",
    "serve.log.entered": "Workshop code accepted (device {device}, address {address}).",
    "serve.log.blocked_device": "Device {device} ({address}) made to wait: too many wrong codes.",
    "serve.log.blocked_address": "Address {address} made to wait: too many wrong codes from it.",
    "serve.log.blocked_server": "Too many wrong codes on the whole server: tries are slowed down (is someone guessing the code?).",
    "serve.page.loading": "Opening the workshop…",
    "serve.page.start": "Start",
    "serve.page.ended": "The session has ended. The answers are saved.",
    "serve.page.restart": "Reopen",
    "serve.page.noscript": "This page needs JavaScript: turn it on in the browser.",
}
