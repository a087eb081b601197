require "multi_json"
require "connection_pool"

POOL = ConnectionPool.new(size: 2) { Object.new }

app = lambda do |env|
  case env["PATH_INFO"]
  when "/health" then [200, { "content-type" => "text/plain" }, ["ok"]]
  else
    body = POOL.with { |_| MultiJson.dump(marker: "ruby-rack-deployment-ok", rack: Rack.release) }
    [200, { "content-type" => "application/json" }, [body]]
  end
end

run app
