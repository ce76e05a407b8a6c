package fr.somme.ent.billing.domain;

/** What a call charges for: the écoles' pro-rata (art. 4.1) or the collèges at market prices (art. 4.3). */
public enum CallKind {
    ECOLES_PRO_RATA,
    COLLEGES_MARKET_PRICE
}
