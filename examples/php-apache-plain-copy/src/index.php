<?php

echo 'plain page on PHP ', PHP_MAJOR_VERSION, '.', PHP_MINOR_VERSION, "\n";
