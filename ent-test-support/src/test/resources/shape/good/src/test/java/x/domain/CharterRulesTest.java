package x.domain;

class CharterRulesTest {
}
