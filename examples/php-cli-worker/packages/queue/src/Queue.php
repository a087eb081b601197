<?php

namespace Example\Queue;

final class Queue
{
    /** @return list<string> */
    public static function pending(): array
    {
        return ['mail', 'report', 'cleanup'];
    }
}
