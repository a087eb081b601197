package com.example.greeter;

/** Prints a greeting: the start script from installDist runs it. */
public class Main {
  public static void main(String[] args) {
    System.out.println("JAVA-INSTALL-DIST-OK");
  }
}
