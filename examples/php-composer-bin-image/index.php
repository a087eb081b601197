<?php
require __DIR__ . "/vendor/autoload.php";
echo "composer-build-only-ok";
