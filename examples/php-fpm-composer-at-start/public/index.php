<?php

echo "ok";
