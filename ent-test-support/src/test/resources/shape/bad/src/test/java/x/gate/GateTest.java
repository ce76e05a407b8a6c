package x.gate;

class GateTest {
}
