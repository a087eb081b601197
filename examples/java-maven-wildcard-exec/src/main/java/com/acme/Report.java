package com.acme;

public class Report {
    public static void main(String[] args) {
        System.out.println("JAVA-WILDCARD-OK");
    }
}
