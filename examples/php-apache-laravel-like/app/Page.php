<?php

namespace App;

use Example\Clock\Greeting;

final class Page
{
    public static function render(): string
    {
        $log = dirname(__DIR__) . '/storage/logs/app.log';
        $written = file_put_contents($log, "rendered\n", FILE_APPEND) !== false;
        return Greeting::for('laravel-like') . ' rewrite=' . (in_array('mod_rewrite', apache_get_modules(), true) ? 'on' : 'off')
            . ' storage=' . ($written ? 'writable' : 'read-only')
            . ' display_errors=' . var_export((bool) ini_get('display_errors'), true);
    }
}
