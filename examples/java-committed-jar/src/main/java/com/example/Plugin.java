package com.example;

public class Plugin {
}
