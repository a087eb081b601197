require 'sinatra'

get('/') { 'setup-ok' }
