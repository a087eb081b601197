<?php

require __DIR__ . '/../vendor/autoload.php';

echo App\Page::render(), "\n";
