"""Run the test identity provider: migrate its SQLite file, make the test users, the RSA signing key and
the client of the register, then serve on a free port of 127.0.0.1 and print "READY <url>".

    python -m tests.identity_provider.serve --db provider.sqlite3 --claims claims.json \\
        --client-id register --client-secret geheim --redirect-uri http://testserver/inloggen/oidc/test/callback/
"""

import argparse
import json
import os
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--claims", required=True)
    parser.add_argument("--client-id", required=True)
    parser.add_argument("--client-secret", required=True)
    parser.add_argument("--redirect-uri", action="append", required=True)
    parser.add_argument("--password", default="wachtwoord-idp")
    args = parser.parse_args()
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.identity_provider.settings"
    os.environ["IDP_DB"] = args.db
    os.environ["IDP_CLAIMS"] = args.claims

    import django

    django.setup()
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application
    from oidc_provider.models import Client, ResponseType, RSAKey

    call_command("migrate", verbosity=0, interactive=False)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    RSAKey.objects.create(key=pem.decode())
    with open(args.claims, encoding="utf-8") as handle:
        for username in json.load(handle):
            User.objects.create_user(username, password=args.password)
    client = Client.objects.create(
        name="Register verbonden partijen",
        client_type="confidential",
        client_id=args.client_id,
        client_secret=args.client_secret,
        jwt_alg="RS256",
        require_consent=False,
        redirect_uris=args.redirect_uri,
    )
    client.response_types.add(ResponseType.objects.get(value="code"))

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler)
    server.set_app(get_wsgi_application())
    print(f"READY http://127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
