print("thememap")
