"""Pure rules for accounts: plain values in, plain values out."""
