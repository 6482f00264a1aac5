"""The coach studio's pure rules, each with a JavaScript twin and a shared vector file."""
