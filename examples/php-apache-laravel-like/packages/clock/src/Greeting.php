<?php

namespace Example\Clock;

final class Greeting
{
    public static function for(string $name): string
    {
        return "hello {$name}";
    }
}
