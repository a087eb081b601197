namespace Acme.Core;
public static class Prices { public static int Total(int a, int b) => a + b; }
