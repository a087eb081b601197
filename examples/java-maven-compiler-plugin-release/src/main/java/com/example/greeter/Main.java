package com.example.greeter;

import java.nio.file.Files;
import java.nio.file.Paths;

/** Prints the greeting file named on the command line. */
public class Main {
  public static void main(String[] args) throws Exception {
    System.out.println("JAVA-GREETER-OK " + new String(Files.readAllBytes(Paths.get(args[0]))).trim());
  }
}
