package com.example.hello;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@SpringBootApplication
@RestController
public class Application {
  @GetMapping("/")
  public String hello() {
    return "JAVA-BOOT-FINALNAME-OK";
  }

  public static void main(String[] args) {
    SpringApplication.run(Application.class, args);
  }
}
