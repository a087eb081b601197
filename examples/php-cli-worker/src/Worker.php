<?php

namespace Worker;

use Example\Queue\Queue;

final class Worker
{
    public static function runOnce(): string
    {
        return 'processed ' . implode(',', Queue::pending()) . ' on PHP ' . PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION;
    }
}
