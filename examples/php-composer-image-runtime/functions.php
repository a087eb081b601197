<?php

function greet(): string
{
    return "hi";
}
