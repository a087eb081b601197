import lightgbm
import MySQLdb

print(f"lightgbm={lightgbm.__version__} mysqlclient={'.'.join(map(str, MySQLdb.version_info[:2]))}")
