<?php

require __DIR__ . '/../vendor/autoload.php';

echo Worker\Worker::runOnce(), "\n";
