// The part of HeavyDB's Thrift API that Quiver's HeavyDB store calls: taken from heavy.thrift and common.thrift in
// the heavyai/heavydb repository (HeavyDB 8.x), keeping each call's and each field's id and type exactly. Fields
// the store never reads are left out; Thrift's binary protocol skips them when a server sends them.
// Regenerate the Java sources with sdk-heavydb/bin/generate-thrift.sh.

namespace java dev.quiver.heavydb.thrift

enum TDeviceType {
  CPU,
  GPU
}

enum TDatumType {
  SMALLINT,
  INT,
  BIGINT,
  FLOAT,
  DECIMAL,
  DOUBLE,
  STR,
  TIME,
  TIMESTAMP,
  DATE,
  BOOL,
  INTERVAL_DAY_TIME,
  INTERVAL_YEAR_MONTH,
  POINT,
  LINESTRING,
  POLYGON,
  MULTIPOLYGON,
  TINYINT,
  GEOMETRY,
  GEOGRAPHY,
  MULTILINESTRING,
  MULTIPOINT
}

enum TEncodingType {
  NONE,
  FIXED,
  RL,
  DIFF,
  DICT,
  SPARSE,
  GEOINT,
  DATE_IN_DAYS,
  ARRAY,
  ARRAY_DICT
}

struct TTypeInfo {
  1: TDatumType type;
  4: TEncodingType encoding;
  2: bool nullable;
  3: bool is_array;
  5: i32 precision;
  6: i32 scale;
  7: i32 comp_param;
  8: optional i32 size=-1;
}

struct TColumnType {
  1: string col_name;
  2: TTypeInfo col_type;
  3: bool is_reserved_keyword;
  4: string src_name;
  5: bool is_system;
  6: bool is_physical;
  7: i64 col_id;
}

typedef list<TColumnType> TRowDescriptor
typedef string TSessionId

enum TArrowTransport {
  SHARED_MEMORY,
  WIRE
}

// sql_execute's result: only the timings and the flag are read (DDL and INSERT statements)
struct TQueryResult {
  2: i64 execution_time_ms;
  3: i64 total_time_ms;
  4: string nonce;
  5: string debug;
  6: bool success=true;
}

struct TDataFrame {
  1: binary sm_handle;
  2: i64 sm_size;
  3: binary df_handle;
  4: i64 df_size;
  5: i64 execution_time_ms;
  6: i64 arrow_conversion_time_ms;
  7: binary df_buffer;
}

exception TDBException {
  1: string error_msg;
}

enum TPartitionDetail {
  DEFAULT,
  REPLICATED,
  SHARDED,
  OTHER
}

struct TTableDetails {
  1: TRowDescriptor row_desc;
  2: i64 fragment_size;
  3: i64 page_size;
  4: i64 max_rows;
  5: string view_sql;
  6: i64 shard_count;
  7: string key_metainfo;
  8: bool is_temporary;
  9: TPartitionDetail partition_detail;
  12: string sharded_column_name;
  13: optional string comment;
}

service Heavy {
  TSessionId connect(1: string user, 2: string passwd, 3: string dbname) throws (1: TDBException e)
  void disconnect(1: TSessionId session) throws (1: TDBException e)
  list<string> get_tables(1: TSessionId session) throws (1: TDBException e)
  TTableDetails get_table_details(1: TSessionId session, 2: string table_name) throws (1: TDBException e)
  TQueryResult sql_execute(1: TSessionId session, 2: string query, 3: bool column_format, 4: string nonce, 5: i32 first_n = -1, 6: i32 at_most_n = -1) throws (1: TDBException e)
  TDataFrame sql_execute_df(1: TSessionId session, 2: string query, 3: TDeviceType device_type, 4: i32 device_id = 0, 5: i32 first_n = -1, 6: TArrowTransport transport_method) throws (1: TDBException e)
  void load_table_binary_arrow(1: TSessionId session, 2: string table_name, 3: binary arrow_stream, 4: bool use_column_names = false) throws (1: TDBException e)
}
