package demo;

import java.util.List;

public class Main {
  public static void main(String[] args) {
    // List.of is Java 9+: compiled with -source/-target 8 on a newer JDK, it fails on a Java 8 runtime.
    System.out.println(List.of("hello", "world"));
  }
}
