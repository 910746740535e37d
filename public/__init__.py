"""The public register: a gemeente's verbonden partijen, its vastgestelde paragrafen and open data, without login."""
