"""The pages that combine the apps: the factsheet (HTML and PDF), a party's history, the gemeente page
and the paragraaf verbonden partijen. Above partners, risks and governance; nothing imports it."""
