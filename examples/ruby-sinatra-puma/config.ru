require_relative "app"
run Greeter
